using System.Collections.Generic;
using System.Threading.Tasks;
using PureCloudPlatform.Client.V2.Api;
using PureCloudPlatform.Client.V2.Model;

namespace Acme.Conference
{
    public static class Bridge
    {
        // Rings an outside expert and an internal agent into one ad-hoc conference.
        public static async Task<string> OpenAsync(ConversationsApi api, string agentUserId)
        {
            var request = new CreateCallRequest
            {
                Participants = new List<Destination>
                {
                    new Destination { Address = "+14155550142", Name = "Outside counsel" },
                    new Destination { UserId = agentUserId },
                    new Destination { QueueId = "a6d33143-c7e2-415c-a422-37ec197f57c3" },
                },
                UuiData = "matter=5521",
            };

            var response = await api.PostConversationsCallsAsync(request);
            return response.Id;
        }
    }
}
