# Machine-to-machine access: an API (resource server) with scopes, and a confidential client that gets
# access tokens for some of them with the client credentials flow at the domain's token endpoint.

terraform {
  required_version = ">= 1.9"
}

provider "aws" {
  region = "eu-west-1"
}

module "auth" {
  source = "../.."

  name   = "example-m2m"
  domain = { prefix = "example-m2m-auth-7f3a" }

  resource_servers = {
    orders = {
      identifier = "https://orders.example.com"
      scopes = {
        read  = "Read orders"
        write = "Create and change orders"
      }
    }
  }

  clients = {
    reporting = {
      preset = "machine"
      scopes = ["https://orders.example.com/read"]
    }
  }
}
