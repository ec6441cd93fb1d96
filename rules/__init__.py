"""The built-in checks of lintnews.

Each ``*.py`` file here holds one rule (a subclass of ``lintnews.Rule``);
``packs/`` holds the data the rules read (word lists, gazetteers, calques)
and ``packs/styles/`` the house styles. The engine loads this folder exactly
as it loads a newsroom's own rules folder named in its config. Installed, the
folder is the ``lintnews_rules`` package.
"""
