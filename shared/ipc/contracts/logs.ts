import { stream } from '../define';
import { logsEventSchema, logsTailInputSchema } from '../../schemas/logs';

/** Log streams of one or many containers (ARCHITECTURE "Streams"). */
export const logsContract = {
  'logs.tail': stream(logsTailInputSchema, logsEventSchema),
};
