# Knowledge base: answers to owners' questions (see locales/knowledge.toml for the phrasings).
# Each answer at most ~400 characters.

kb-unknown = Good question. I have noted it, and an officer will answer you in this chat.
