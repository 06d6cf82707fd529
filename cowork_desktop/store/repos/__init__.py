"""The store's tables as repositories, one per aggregate, composed by :class:`~cowork_desktop.store.store.Store`."""
