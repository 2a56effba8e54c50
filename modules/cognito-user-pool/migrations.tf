# Hand-written (not generated): moves from lgallard/terraform-aws-cognito-user-pool 5.x, whose objects have
# fixed addresses, so that switching a module "cognito" block's source to this module keeps the pool and its
# users. Objects keyed by the caller's own list positions (clients, resource servers, identity providers)
# need one moved block each in the calling configuration: see MIGRATION.md. A moved block whose `from` is
# not in the state does nothing, so these cost nothing to users who never ran lgallard's module.

# lgallard keeps the pool in one of two counted resources, chosen by ignore_schema_changes; the chain
# moves either one here.
moved {
  from = aws_cognito_user_pool.pool_with_schema_ignore[0]
  to   = aws_cognito_user_pool.pool[0]
}

moved {
  from = aws_cognito_user_pool.pool[0]
  to   = aws_cognito_user_pool.this
}

# Both modules count the domain (0 or 1): the instance keeps its index.
moved {
  from = aws_cognito_user_pool_domain.domain
  to   = aws_cognito_user_pool_domain.this
}

# Both modules key groups by their name.
moved {
  from = aws_cognito_user_group.main
  to   = aws_cognito_user_group.this
}
