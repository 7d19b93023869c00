/* Outbound dialer worker: takes jobs from the work list and dials them for the logged-in agent. */
import platformClient from 'purecloud-platform-client-v2';
import { nextJob, markDialed } from './jobs.mjs';

const client = platformClient.ApiClient.instance;
client.setEnvironment(process.env.GENESYS_REGION ?? 'mypurecloud.com');
client.setAccessToken(process.env.GENESYS_TOKEN);

const apiInstance = new platformClient.ConversationsApi();

export async function dialNext(workerId) {
  const job = await nextJob(workerId);
  if (!job) return null;

  const queueId = job.queueId;
  try {
    const created = await apiInstance.postConversationsCalls({
      phoneNumber: job.phone,
      callFromQueueId: queueId // optional, routes via a queue
    });
    await markDialed(job.id, created.id);
    return created.id;
  } catch (err) {
    console.error(`job ${job.id}: ${err.message}`);
    return null;
  }
}
