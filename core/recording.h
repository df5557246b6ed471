/* recording.h: which calls are recorded (the queue's and the agent's
 * percentage when the agent answers, or the agent on demand), where the
 * files go (STATE/recordings/DAY/CALL.wav), their rows in the recordings
 * table, PCI pause and resume, and telling supervisors when a file fails
 * (the call itself goes on). */
#ifndef CZ_RECORDING_H
#define CZ_RECORDING_H

#include <stddef.h>

struct call;

/* The agent answered: record by policy. */
void	recording_answered(struct call *);
/* WHY is "policy" or "agent". -1 with err. */
int	recording_start(struct call *, const char *why, char *err, size_t errlen);
int	recording_stop(struct call *, char *err, size_t errlen);
int	recording_pause(struct call *, int paused, char *err, size_t errlen);
/* The call ends: close the file and its row. */
void	recording_call_end(struct call *);

#endif
