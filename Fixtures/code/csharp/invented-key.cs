using System;
using PureCloudPlatform.Client.V2.Api;
using PureCloudPlatform.Client.V2.Client;
using PureCloudPlatform.Client.V2.Model;

namespace Reminders
{
    public class ReminderCaller
    {
        public void Call(string number)
        {
            var apiClient = new ApiClient("https://api.mypurecloud.ie");
            Configuration.Default.ApiClient = apiClient;
            apiClient.PostToken(Environment.GetEnvironmentVariable("GC_ID"),
                                Environment.GetEnvironmentVariable("GC_SECRET"));

            var api = new ConversationsApi();
            var callRequest = new CreateCallRequest
            {
                PhoneNumber = number,
                CallFrom = "+353212345678",        // not a field: CallerId is
                CallerIdName = "Clinic reminders"
            };

            var result = api.PostConversationsCalls(callRequest);
            Console.WriteLine($"Call started, conversation ID: {result.Id}");
        }
    }
}
