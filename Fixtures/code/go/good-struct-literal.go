package main

import (
	"fmt"
	"log"
	"os"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

func main() {
	config := platformclientv2.GetDefaultConfiguration()
	config.BasePath = "https://api.mypurecloud.com"
	if err := config.AuthorizeClientCredentials(os.Getenv("GC_CLIENT_ID"), os.Getenv("GC_CLIENT_SECRET")); err != nil {
		log.Fatalf("auth: %v", err)
	}

	api := platformclientv2.NewConversationsApiWithConfig(config)

	number := "+13175550123"
	callerID := "+13175550100"
	callerName := "Acme Dispatch"
	body := platformclientv2.Createcallrequest{
		PhoneNumber:  &number,
		CallerId:     &callerID,
		CallerIdName: &callerName,
	}

	created, resp, err := api.PostConversationsCalls(body)
	if err != nil {
		log.Fatalf("PostConversationsCalls: %v (status %d)", err, resp.StatusCode)
	}
	fmt.Println("conversation", *created.Id)
}
