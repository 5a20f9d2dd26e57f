"""Clinical care rules: red flags and the stop rule, pain monitoring, progression and regression.

Pure decisions about a person's safety and dose; the wording of every rule lives here.
May import ``backex.catalogue`` and the top-level ``errors``/``paths``.
"""
