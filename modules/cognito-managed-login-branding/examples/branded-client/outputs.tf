output "client_id" {
  description = "The web client's id."
  value       = module.auth.client_ids["web"]
}

output "authorize_url" {
  description = "Where the app sends users to sign in, on the styled managed login pages."
  value       = module.auth.authorize_url
}

output "managed_login_branding_id" {
  description = "The web client's style."
  value       = module.web_style.managed_login_branding_id
}
