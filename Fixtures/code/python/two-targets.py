import os

import requests

GENESYS_API = os.environ.get("GENESYS_API", "https://api.mypurecloud.com")


def escalate(token, customer_number):
    """Call the customer back and (wrongly) ring the team lead in the same request."""
    headers = {"Authorization": f"Bearer {token}"}
    payload = {
        "phoneNumber": customer_number,
        "callerId": "+13175550100",
        # the API takes one target: this makes it a 400
        "callUserId": "e1c98f20-782d-417e-a262-2de70cda0da2",
    }
    resp = requests.post(f"{GENESYS_API}/api/v2/conversations/calls", json=payload, headers=headers)
    resp.raise_for_status()
    return resp.json()
