"""The acknowledgement ledger: writing (`chain`), verifying (`verify`), its keys (`keys`),
checkpoints outside the database (`anchor`), the database's triggers (`triggers`) and the
application role's rights (`db_roles`). The models are in `compliance.models.ledger`."""
