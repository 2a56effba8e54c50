# Every input of the module: SES email with email MFA beside authenticator apps, the PLUS plan with
# threat protection and a password history, a custom domain with managed login, resource servers, one
# client of each preset, groups, and existing Lambda functions as triggers.

terraform {
  required_version = ">= 1.9"
}

provider "aws" {
  region = "eu-west-1"
}

locals {
  ses_identity = "arn:aws:ses:eu-west-1:111122223333:identity/example.com"
}

module "auth" {
  source = "../.."

  name = "example-complete"

  sign_in = {
    username           = true
    email              = true
    preferred_username = true
  }

  password_policy = {
    min_length            = 14
    password_history_size = 5
  }

  mfa = {
    mode          = "OPTIONAL"
    otp           = true
    email         = true
    email_subject = "Your sign-in code"
    email_body    = "Your sign-in code is {####}"
  }

  email = {
    sending_account = "DEVELOPER"
    from_email      = "no-reply@example.com"
    from_name       = "Example"
    reply_to        = "support@example.com"
    source_arn      = local.ses_identity
  }

  verification = {
    email_subject = "Confirm your email address"
    email_body    = "Your confirmation code is {####}"
  }

  account_recovery       = "EMAIL_ONLY"
  self_sign_up_enabled   = true
  feature_plan           = "PLUS"
  threat_protection_mode = "ENFORCED"
  deletion_protection    = "ACTIVE"

  domain = {
    custom_domain = {
      domain_name     = "auth.example.com"
      certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab"
    }
    managed_login_version = 2
  }

  resource_servers = {
    orders = {
      identifier = "https://orders.example.com"
      name       = "Orders API"
      scopes = {
        read  = "Read orders"
        write = "Create and change orders"
      }
    }
  }

  clients = {
    browser = {
      preset        = "spa"
      callback_urls = ["https://app.example.com/callback"]
      logout_urls   = ["https://app.example.com/"]
      scopes        = ["openid", "email", "profile", "https://orders.example.com/read"]
    }
    portal = {
      preset                         = "web"
      callback_urls                  = ["https://portal.example.com/oauth/callback"]
      default_redirect_uri           = "https://portal.example.com/oauth/callback"
      refresh_token_validity_minutes = 10080
    }
    mobile = {
      preset        = "native"
      callback_urls = ["com.example.app://callback"]
      logout_urls   = ["com.example.app://signed-out"]
    }
    fulfilment = {
      preset = "machine"
      scopes = ["https://orders.example.com/read", "https://orders.example.com/write"]
    }
  }

  groups = {
    admins = {
      description = "Administrators"
      precedence  = 1
    }
    support = {
      description = "Support staff"
      precedence  = 10
    }
  }

  triggers = {
    pre_sign_up          = "arn:aws:lambda:eu-west-1:111122223333:function:example-pre-sign-up"
    pre_token_generation = "arn:aws:lambda:eu-west-1:111122223333:function:example-token-claims"
  }

  tags = {
    team = "identity"
  }
}
