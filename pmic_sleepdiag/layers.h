/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every layer, one line each, in the order summary lists them: main.c
 * expands this list into declarations and the table it registers.  A
 * layer is its own files plus its line here.  No include guard: read
 * twice, with a different PSD_LAYER() each time.
 */
PSD_LAYER(pmic)
PSD_LAYER(wakesrc)
PSD_LAYER(alarm)
PSD_LAYER(irqpend)
PSD_LAYER(hrtimer)
