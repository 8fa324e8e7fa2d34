"""Training factwire's learned components from the development data (`make train`).

`python -m factwire.training` runs every step of `factwire.training.__main__.STEPS` in order;
each step reads ``../shared/eval`` and writes its model under ``models/`` in the checkout,
which the extractor then loads (``make run`` never trains). Steps are seeded and run on CPU.
"""
