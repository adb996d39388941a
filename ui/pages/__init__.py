"""The form pages: 基本信息 and the text sections, built when first shown."""
