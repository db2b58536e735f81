"""The stage workers: the I/O glue that runs the pure stages over stored articles.

``process`` (extract → understand → stories) and ``matching`` (match → outbox) each read
records named by a bus message, call the pure stage, and write the result in one transaction.
Delivery has its own worker in ``storywatch.deliver``; polling in ``storywatch.sources``.
"""
