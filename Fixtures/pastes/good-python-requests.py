payload = {
    'phoneNumber': '+13175550123',
    'callerId': '+13175550100',  # the main line
    'callerIdName': f'{team} support',
}
response = requests.post(url, headers=headers, json=payload)
