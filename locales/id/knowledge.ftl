# Knowledge base: answers to owners' questions (see locales/knowledge.toml for the phrasings).
# Each answer at most ~400 characters.

kb-unknown = Pertanyaan yang bagus. Saya catat, dan petugas akan menjawabnya lewat chat ini.
