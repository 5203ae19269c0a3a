"""The rule engine: YAML packs -> validated rules -> compiled linear-time matchers.

``schema`` validates packs (`file:line` errors), ``phrases`` turns phrases into patterns,
``matchers`` compiles a selection into one RE2 set pass, ``loader`` finds the packs,
``examples`` runs rules' own examples and ``docs`` writes the rule reference.
"""

from mtqa.engine.loader import load_rule_set
from mtqa.engine.matchers import CompiledRules
from mtqa.engine.schema import parse_pack_text
from mtqa.engine.yaml_lines import PackError

__all__ = ["CompiledRules", "PackError", "load_rule_set", "parse_pack_text"]
