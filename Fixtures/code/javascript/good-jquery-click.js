// Agent toolbar: dial a number, or ring a colleague by user id.
$(document).ready(function () {
  const platformClient = require('platformClient');
  const client = platformClient.ApiClient.instance;
  const conversationsApi = new platformClient.ConversationsApi();
  const usersApi = new platformClient.UsersApi();

  client.setEnvironment('mypurecloud.de');
  client.loginImplicitGrant('5e8d3c1a-27b4-4f60-a9d2-1b7e6c0f3a85', window.location.href)
    .then(() => usersApi.getUsersMe({ expand: ['station'] }))
    .then((me) => {
      $('#agent-name').text(me.name);

      $('#dial').click(() => {
        let body = {
          'phoneNumber': $('input#number').val(),
          'callerIdName': me.name
        };
        conversationsApi.postConversationsCalls(body)
          .then(() => $('input#number').val(''))
          .catch((err) => console.error(err));
      });

      $('#ring-colleague').on('click', function () {
        const colleague = $(this).data('user-id');
        conversationsApi.postConversationsCalls({ 'callUserId': colleague })
          .then((data) => console.log('ringing colleague', data.id))
          .catch((err) => console.error(err));
      });
    })
    .catch((err) => console.error('login failed', err));
});
