/**
 * The HCL writer thread of a synth (started by `hcl-writer.ts`): writes the HCL of each stack the app
 * has synthesized while the app synthesizes the next ones, and when told that none follows, says what
 * failed, if anything did. After a failure it writes nothing more: the run fails. Loads no engine.
 */
import { workerData } from 'worker_threads';
import { AppThreadData, postToApp } from './app-thread';
import { HCL_DONE, HclThreadData, HclThreadOrder, HclThreadResult, writeHcl } from '../hcl-writer';

const data = workerData as HclThreadData & AppThreadData;
let failure: string | undefined;

data.port.on('message', (order: HclThreadOrder) => {
  if (order === HCL_DONE) {
    postToApp(data, { failure } satisfies HclThreadResult);
    data.port.close();
  } else if (failure === undefined) {
    try {
      writeHcl(data.staging, order.name, data.offline);
    } catch (error) {
      failure = `${order.name}: ${(error as Error).stack ?? String(error)}`;
    }
  }
});
