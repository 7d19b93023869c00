"""Click-to-dial helper: places an outbound call for the signed-in agent."""
import os

import requests

REGION = os.environ.get("GENESYS_REGION", "mypurecloud.com")
CLIENT_ID = os.environ["GENESYS_CLIENT_ID"]
CLIENT_SECRET = os.environ["GENESYS_CLIENT_SECRET"]


def fetch_token():
    # Client credentials grant; this form body is not a call request.
    resp = requests.post(
        f"https://login.{REGION}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(CLIENT_ID, CLIENT_SECRET),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def dial(team):
    token = fetch_token()
    headers = {
        "Authorization": f"Bearer {token}",
        "Content-Type": "application/json",
    }
    payload = {
        "phoneNumber": "+13175550123",
        "callerId": os.environ["CALLER_ID"],
        "callerIdName": f"{team} desk",  # shown to the customer
        "label": None,
    }
    resp = requests.post(
        f"https://api.{REGION}/api/v2/conversations/calls",
        json=payload,
        headers=headers,
        timeout=15,
        verify=True,
    )
    if resp.status_code != 200:
        raise RuntimeError(f"call failed: {resp.status_code} {resp.text}")
    return resp.json()["id"]


if __name__ == "__main__":
    print(dial("Billing"))
