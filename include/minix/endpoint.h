/* minix/endpoint.h - endpoint encoding: (generation << 15) + slot.
 *
 * Slots of kernel tasks are negative; a stale endpoint (same slot, older
 * generation) no longer names the process in that slot.
 */
#ifndef _MINIX_ENDPOINT_H
#define _MINIX_ENDPOINT_H

typedef int endpoint_t;

#define _ENDPOINT_GENERATION_SHIFT 15
#define _ENDPOINT_GENERATION_SIZE  (1 << _ENDPOINT_GENERATION_SHIFT)
#define _ENDPOINT_MAX_GENERATION   (0x7fffffff / _ENDPOINT_GENERATION_SIZE - 1)

/* Build an endpoint from a generation and a slot; split one again. */
#define _ENDPOINT(g, p) ((endpoint_t)(((g) << _ENDPOINT_GENERATION_SHIFT) + (p)))
#define _ENDPOINT_G(e)  ((int)(((e) + 64) >> _ENDPOINT_GENERATION_SHIFT))
#define _ENDPOINT_P(e) \
	((int)((((e) + 64) & (_ENDPOINT_GENERATION_SIZE - 1)) - 64))

/* Special endpoints: never the endpoint of a process. */
#define ANY  ((endpoint_t)0x7ace) /* receive from any source */
#define NONE ((endpoint_t)0x6ace) /* no process */
#define SELF ((endpoint_t)0x8ace) /* the caller itself */

#endif
