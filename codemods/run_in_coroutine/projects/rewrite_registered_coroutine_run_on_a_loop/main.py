import jobs  # noqa: F401 (fills the registry)
import registry

registry.run_all()
