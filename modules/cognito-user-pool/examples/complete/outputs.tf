output "client_ids" {
  description = "Every client's id, by key."
  value       = module.auth.client_ids
}

output "client_secrets" {
  description = "The secrets of the portal and fulfilment clients."
  value       = module.auth.client_secrets
  sensitive   = true
}

output "domain_cloudfront_distribution" {
  description = "Where the DNS alias of auth.example.com points."
  value       = module.auth.domain_cloudfront_distribution
}

output "hand_off_secret_arns" {
  description = "The secret holding the fulfilment client's credentials, for its reader in account 444455556666."
  value       = module.auth.hand_off_secret_arns
}
