# A single-page app: a public client (no secret) with the authorization code flow and PKCE, short-lived
# tokens, and the Cognito prefix domain that serves the sign-in pages.

terraform {
  required_version = ">= 1.9"
}

provider "aws" {
  region = "eu-west-1"
}

module "auth" {
  source = "../.."

  name   = "example-spa"
  domain = { prefix = "example-spa-auth-7f3a" }

  clients = {
    web = {
      preset        = "spa"
      callback_urls = ["https://app.example.com/callback", "http://localhost:3000/callback"]
      logout_urls   = ["https://app.example.com/"]
    }
  }
}
