package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

func main() {
	payload := map[string]interface{}{
		"phoneNumber":  "+14155550142",
		"callerId":     "+13175550100",
		"providerId":   "twilio-trunk-2", // no such field in CreateCallRequest
		"callerIdName": "Acme Sales",
	}
	buf, err := json.Marshal(payload)
	if err != nil {
		panic(err)
	}

	req, _ := http.NewRequest(http.MethodPost, "https://api.usw2.pure.cloud/api/v2/conversations/calls", bytes.NewReader(buf))
	req.Header.Set("Authorization", "Bearer "+os.Getenv("GC_TOKEN"))
	req.Header.Set("Content-Type", "application/json")

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.Status, string(out))
}
