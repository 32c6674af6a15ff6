"""The domain of postkit: models, services, import/export and reports. Never imports Qt."""
