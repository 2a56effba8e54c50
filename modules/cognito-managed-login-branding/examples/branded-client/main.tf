# A user pool whose web client signs users in on managed login (version 2) pages with its own style.

terraform {
  required_version = ">= 1.9"

  required_providers {
    # The branding module needs aws_cognito_managed_login_branding (hashicorp/aws >= 6.13.0).
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.13.0, < 7.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

module "auth" {
  source = "../../../cognito-user-pool"

  name = "example-branded"
  # Managed login needs the ESSENTIALS or PLUS feature plan and a domain serving version 2.
  feature_plan = "ESSENTIALS"
  domain       = { prefix = "example-branded-auth-5c1e", managed_login_version = 2 }

  clients = {
    web = {
      preset        = "spa"
      callback_urls = ["https://app.example.com/callback"]
      logout_urls   = ["https://app.example.com/"]
    }
  }
}

module "web_style" {
  source = "../.."

  user_pool_id  = module.auth.user_pool_id
  client_id     = module.auth.client_ids["web"]
  settings_file = "${path.module}/branding.json"
  assets = [
    { category = "FORM_LOGO", color_mode = "LIGHT", file = "${path.module}/logo.png" },
  ]

  # The style shows only once the domain exists.
  depends_on = [module.auth]
}
