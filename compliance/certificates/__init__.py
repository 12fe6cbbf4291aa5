"""Documents about one acknowledgement in the ledger: the Teilnahmebescheinigung with its
verification code (`codes`, `pdf`, `views`) and the employee's confirmation PDF."""
