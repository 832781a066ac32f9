/* tsc.c - MINIX's delays: tickdelay() sleeps on the caller's alarm,
 * micro_delay() spins on the time-stamp counter, calibrated against the
 * clock tick the first time it is needed. */
#include <minix/syslib.h>
#include <minix/sysutil.h>
#include <minix/minlib.h>

static u32_t khz;	/* TSC cycles per millisecond, 0 before calibration */

int tickdelay(clock_t ticks)
{
	clock_t left = 0;
	message m;
	int r;

	if (ticks <= 0)
		return OK;
	if ((r = sys_setalarm2(ticks, 0, &left, NULL)) != OK)
		return r;
	do
		r = ipc_receive(CLOCK, &m, NULL);
	while (r == OK && !is_notify(m.m_type));
	/* Put back an alarm the caller had set (it may be due now). */
	if (left > 0)
		sys_setalarm(left > ticks ? left - ticks : 1, 0);
	return r;
}

int tsc_calibrate(void)
{
	clock_t t0, t1;
	u64_t c0, c1;
	int hz = sys_hz();

	t0 = getticks();
	while ((t1 = getticks()) == t0)
		;
	read_tsc_64(&c0);
	while (getticks() < t1 + 1)
		;
	read_tsc_64(&c1);
	khz = (u32_t)((c1 - c0) * (u64_t)hz / 1000);
	return khz ? OK : EINVAL;
}

u32_t tsc_get_khz(void)
{
	if (!khz)
		tsc_calibrate();
	return khz;
}

u32_t micros_to_ticks(u32_t micros)
{
	u32_t hz = (u32_t)sys_hz();

	return (u32_t)(((u64_t)micros * hz + 999999) / 1000000);
}

int micro_delay(u32_t micros)
{
	u64_t now, end;

	if (micros >= 1000000u / (u32_t)sys_hz())
		return tickdelay((clock_t)micros_to_ticks(micros));
	read_tsc_64(&now);
	end = now + (u64_t)micros * tsc_get_khz() / 1000;
	while (now < end)
		read_tsc_64(&now);
	return OK;
}
