output "client_id" {
  description = "The id the app signs users in with."
  value       = module.auth.client_ids["web"]
}

output "authorize_url" {
  description = "Where the app sends users to sign in."
  value       = module.auth.authorize_url
}

output "issuer_url" {
  description = "The issuer an API checks tokens against."
  value       = module.auth.issuer_url
}
