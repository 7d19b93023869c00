package dialer

import (
	"errors"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

var errNoNumber = errors.New("lead has no phone number")

type Lead struct {
	Phone     string
	ContactID string
}

func DialLead(api *platformclientv2.ConversationsApi, lead Lead) (*platformclientv2.Createcallresponse, error) {
	if lead.Phone == "" {
		return nil, errNoNumber
	}
	fromQueue := "a3882b5c929f4902b43ddf1bab5ecb78" // pasted without its dashes
	label := "outbound-sales"
	body := platformclientv2.Createcallrequest{
		PhoneNumber:       &lead.Phone,
		CallFromQueueId:   &fromQueue,
		ExternalContactId: &lead.ContactID,
		Label:             &label,
	}
	created, _, err := api.PostConversationsCalls(body)
	return created, err
}
