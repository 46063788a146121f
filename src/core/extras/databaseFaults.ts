import {
  checkoutRefused,
  checkoutUnreachable,
  exhaustedFlow,
  refusedFlow,
  unreachableFlow,
} from '../app/databaseFault.ts';
import { diskQueue } from '../app/diskQueue.ts';

/**
 * A scenario whose database fails (`faults.database`: its process down, its machine unreachable, its pool
 * exhausted) or is slow (`faults.databaseSlow`): what the driver and the app do then.
 */
export const databaseFaults = {
  checkoutRefused,
  checkoutUnreachable,
  exhaustedFlow,
  refusedFlow,
  unreachableFlow,
  diskQueue,
};
