# SPDX-License-Identifier: GPL-2.0
"""What several scenarios share: guest snippets and host-side parsers
(report_lib: report and report.json; pmic_lib: pmic/*; rel_lib: the
reliability campaigns; alarmprog: the alarmwait guest program; guestbin:
building and installing guest programs)."""
