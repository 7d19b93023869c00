"""Lists the agent's active calls; places none."""
import os

import requests

BASE = "https://api.usw2.pure.cloud"


def token():
    r = requests.post(
        "https://login.usw2.pure.cloud/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(os.environ["CLIENT_ID"], os.environ["CLIENT_SECRET"]),
    )
    r.raise_for_status()
    return r.json()["access_token"]


def active_calls():
    headers = {"Authorization": "Bearer " + token(), "Accept": "application/json"}
    r = requests.get(BASE + "/api/v2/conversations/calls", headers=headers)
    r.raise_for_status()
    summary = []
    for conv in r.json().get("entities", []):
        summary.append({"id": conv["id"], "participants": len(conv["participants"])})
    return summary


if __name__ == "__main__":
    for row in active_calls():
        print(row)
