"""Click-to-dial for the CRM: the body is built with dict() from the lead."""
import os

import requests

BASE = f"https://api.{os.environ['GENESYS_REGION']}"


def click_to_dial(token: str, lead: dict) -> str:
    payload = dict(
        phoneNumber=lead["mobile"],
        callerID=os.environ.get("OUTBOUND_CLI", "+13175550100"),
        callFromQueueId=lead.get("queue_id"),
    )
    response = requests.post(
        f"{BASE}/api/v2/conversations/calls",
        json=payload,
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    response.raise_for_status()
    return response.json()["id"]
