output "client_id" {
  description = "The reporting job's client id."
  value       = module.auth.client_ids["reporting"]
}

output "client_secret" {
  description = "The reporting job's client secret."
  value       = module.auth.client_secrets["reporting"]
  sensitive   = true
}

output "token_url" {
  description = "Where the job exchanges its credentials for an access token."
  value       = module.auth.token_url
}
