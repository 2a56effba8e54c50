# Every input of the module (a test holds it to that): SES email with email MFA beside authenticator
# apps, invitations, passwordless sign-in with email codes and passkeys, remembered devices, the PLUS
# plan with threat protection and a password history, a custom domain with managed login, resource
# servers, one client of each preset (with rotation and analytics), groups, and triggers: the ready-made
# handlers, a function the module creates from a zip, and an existing custom email sender with your KMS key.

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
    phone              = false
    preferred_username = true
    case_sensitive     = false
    # true only to take over a pool created without username_configuration (see MIGRATION.md)
    leave_case_sensitivity_unset = false
  }

  auto_verify = {
    email = true
    phone = false
  }

  keep_original = {
    email = true
    phone = false
  }

  # The schema is fixed at creation: custom attributes can be added later, never changed or removed.
  standard_attributes = {
    email      = { required = true, mutable = true, min_len = 7, max_len = 256 }
    given_name = { required = false, mutable = true }
  }

  custom_attributes = {
    tenant = { type = "String", mutable = false, min_len = 1, max_len = 64 }
    seats  = { type = "Number", mutable = true, min = 1, max = 1000 }
  }

  password_policy = {
    min_length                       = 14
    require_lowercase                = true
    require_uppercase                = true
    require_digits                   = true
    require_symbols                  = true
    temporary_password_validity_days = 2
    password_history_size            = 5
  }

  mfa = {
    mode          = "REQUIRED"
    otp           = true
    email         = true
    email_subject = "Your sign-in code"
    email_body    = "Your sign-in code is {####}"
    sms           = true
    sms_message   = "Your sign-in code is {####}"
  }

  # SMS MFA sends SMS through a role of yours (the role the library would create needs the account id).
  sms = {
    existing_role = {
      role_arn    = "arn:aws:iam::111122223333:role/example-cognito-sms"
      external_id = "example-cognito-sms"
    }
    sns_region = "eu-west-1"
  }

  email = {
    sending_account   = "DEVELOPER"
    from_email        = "no-reply@example.com"
    from_name         = "Example"
    reply_to          = "support@example.com"
    source_arn        = local.ses_identity
    configuration_set = "example-auth"
  }

  # Both template pairs (code and link), so that switching email_style keeps both; email_subject and email_body
  # are the chosen style's template when it has no pair (given here as their defaults: a pair and a custom
  # template of the same style are refused).
  verification = {
    email_style   = "CODE"
    email_subject = "Verify your email"
    email_body    = "Your verification code is {####}"
    sms_message   = "Your confirmation code is {####}"
    code_email = {
      subject = "Confirm your email address"
      body    = "Your confirmation code is {####}"
    }
    link_email = {
      subject = "Confirm your email address"
      body    = "Confirm your email address: {##Confirm##}"
    }
  }

  user_invitation = {
    email_subject = "Welcome to Example"
    email_body    = "Hello {username}, your temporary password is {####}"
    sms_message   = "Hello {username}, your temporary password is {####}"
  }

  # AWS Security Hub's Cognito controls: values left out take the profile's, values given must meet them.
  security_profile = "strict"

  account_recovery                   = "EMAIL_ONLY"
  self_sign_up_enabled               = true
  feature_plan                       = "PLUS"
  threat_protection_mode             = "ENFORCED"
  threat_protection_custom_auth_mode = "ENFORCED"
  deletion_protection                = "ACTIVE"

  # The pool's threat protection responses (every client without its own): leaked credentials blocked,
  # risky sign-ins answered by level, users told by email from the pool's SES identity.
  threat_protection = {
    compromised_credentials = {
      action = "BLOCK"
      events = ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"]
    }
    account_takeover = {
      low    = { action = "NO_ACTION", notify = false }
      medium = { action = "MFA_IF_CONFIGURED", notify = true }
      high   = { action = "BLOCK", notify = true }
      notifications = {
        source_arn      = local.ses_identity
        from            = "security@example.com"
        reply_to        = "support@example.com"
        block_email     = { subject = "Sign-in blocked", html_body = "<p>We blocked a sign-in.</p>", text_body = "We blocked a sign-in." }
        mfa_email       = { subject = "Sign-in checked", html_body = "<p>We asked for your code.</p>", text_body = "We asked for your code." }
        no_action_email = { subject = "New sign-in", html_body = "<p>A new sign-in.</p>", text_body = "A new sign-in." }
      }
    }
    ip_ranges = {
      always_allow = ["10.0.0.0/8"]
      always_block = ["192.0.2.0/24"]
    }
  }

  allowed_first_auth_factors = ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"]

  passkeys = {
    relying_party_id  = "auth.example.com"
    user_verification = "required"
  }

  device_tracking = {
    challenge_required_on_new_device      = true
    device_only_remembered_on_user_prompt = true
  }

  domain_managed_elsewhere = false # the domain below is this module's
  domain = {
    custom_domain = {
      domain_name     = "auth.example.com"
      certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab"
      hosted_zone_id  = "Z0123456789ABCDEFGHIJ" # the alias records (A and AAAA) go in this Route 53 zone
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
      preset                                 = "web"
      name                                   = "Customer portal"
      callback_urls                          = ["https://portal.example.com/oauth/callback"]
      default_redirect_uri                   = "https://portal.example.com/oauth/callback"
      generate_secret                        = true
      oauth_flows                            = ["code"]
      auth_flows                             = ["ALLOW_USER_SRP_AUTH"] # rotation replaces the refresh flow
      identity_providers                     = ["COGNITO"]
      read_attributes                        = ["email", "email_verified", "name"]
      write_attributes                       = ["name"]
      access_token_validity_minutes          = 30
      id_token_validity_minutes              = 30
      refresh_token_validity_minutes         = 10080
      auth_session_validity_minutes          = 5
      enable_token_revocation                = true
      prevent_user_existence_errors          = true
      propagate_additional_user_context_data = true
      refresh_token_rotation                 = { retry_grace_period_seconds = 10 }
      analytics = {
        application_arn  = "arn:aws:mobiletargeting:eu-west-1:111122223333:apps/0123456789abcdef0123456789abcdef"
        user_data_shared = false
      }
      # The portal's own responses, replacing the pool's for it (stricter: MFA from medium risk on).
      threat_protection = {
        compromised_credentials = { action = "BLOCK", events = ["SIGN_IN"] }
        account_takeover = {
          low    = { action = "MFA_IF_CONFIGURED", notify = false }
          medium = { action = "MFA_REQUIRED", notify = true }
          high   = { action = "BLOCK", notify = true }
          notifications = {
            source_arn      = local.ses_identity
            from            = "portal-security@example.com"
            reply_to        = "portal-support@example.com"
            block_email     = { subject = "Portal sign-in blocked", html_body = "<p>We blocked a sign-in.</p>", text_body = "We blocked a sign-in." }
            mfa_email       = { subject = "Portal code asked", html_body = "<p>We asked for your code.</p>", text_body = "We asked for your code." }
            no_action_email = { subject = "New portal sign-in", html_body = "<p>A new sign-in.</p>", text_body = "A new sign-in." }
          }
        }
        ip_ranges = {
          always_allow = ["172.16.0.0/12"]
          always_block = ["198.51.100.0/24"]
        }
      }
    }
    mobile = {
      preset        = "native"
      callback_urls = ["com.example.app://callback"]
      logout_urls   = ["com.example.app://signed-out"]
    }
    fulfilment = {
      preset = "machine"
      scopes = ["https://orders.example.com/read", "https://orders.example.com/write"]
      # Its id, secret and token endpoint in Secrets Manager (with a KMS key of its own), for another account's role.
      secret_hand_off = {
        readers     = ["arn:aws:iam::444455556666:role/fulfilment"]
        secret_name = "example/fulfilment-credentials"
      }
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
      role_arn    = "arn:aws:iam::111122223333:role/example-support"
    }
  }

  triggers = {
    # The ready-made handlers, shipped with the module: only these email domains may sign up ...
    pre_sign_up = {
      handler = { email_domain_allowlist = ["example.com", "*.example.org"] }
    }
    # ... and group claims, with the scopes each group grants in access tokens (V3_0: machine-to-machine tokens too).
    pre_token_generation = {
      handler = {
        group_claims = {
          group_scopes = { admins = ["https://orders.example.com/write"] }
          groups_claim = "groups"
          role_claim   = "role"
        }
      }
      event_version = "V3_0"
    }
    # Code you built and zipped (here the folder handlers/post-confirmation): the module creates the
    # function, its role, log group and invoke permission.
    post_confirmation = {
      handler = {
        zip_file         = "${path.module}/build/post-confirmation.zip"
        source_code_hash = filebase64sha256("${path.module}/build/post-confirmation.zip") # the default; give it when the zip is made during the apply
        handler          = "index.handler"
      }
      function_name      = "example-complete-post-confirmation"
      runtime            = "nodejs22.x"
      memory_size        = 256
      timeout_seconds    = 5
      log_retention_days = 90
      environment        = { DEFAULT_GROUP = "support" }
      pool_actions       = ["cognito-idp:AdminAddUserToGroup"]
    }
    # Senders built elsewhere decrypt codes with your key (custom_sender_kms_key_arn).
    custom_email_sender = {
      handler       = { function_arn = "arn:aws:lambda:eu-west-1:111122223333:function:example-email-sender" }
      event_version = "V1_0"
    }
  }

  custom_sender_kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab"

  tags = {
    team = "identity"
  }
}
