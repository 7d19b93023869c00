package conference

import (
	"fmt"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

// Open rings an outside number, an agent and a queue into one ad-hoc conference.
func Open(api *platformclientv2.ConversationsApi, agentID string) (string, error) {
	uui := "incident=3307"
	body := platformclientv2.Createcallrequest{
		Participants: &[]platformclientv2.Destination{
			{Address: platformclientv2.String("+61291234567"), Name: platformclientv2.String("Sydney office")},
			{UserId: &agentID},
			{QueueId: platformclientv2.String("e1703844-baf4-46cb-aa7d-260eacdfd9aa")},
		},
		UuiData: &uui,
	}

	created, _, err := api.PostConversationsCalls(body)
	if err != nil {
		return "", fmt.Errorf("open conference: %w", err)
	}
	return *created.Id, nil
}
