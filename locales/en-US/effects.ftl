# Effects: the families of the catalogue, the Effects panel and how the preview shows them.

family-transition = transition
family-filter = filter
family-vfx = VFX
family-motion-in = entrance motion
family-motion-out = exit motion
family-motion-loop = loop motion
family-word-art = word art
family-font = font

# The Effects panel.
effects-tab = Effects
effects-search-hint = Search in English or 中文, by name, SubType or category
effects-drag-hint = { $n } found: drag a transition onto a cut, a filter or VFX onto a video clip
effects-inspector-hint = { $n } found: set these on a text or subtitle in the inspector
effects-unsure-tip = The documents are not sure of this one (from VOD's 2021 list, third-party notes, or the sister service only): validation warns when it is used
effects-drop-label = { $name }
effects-edit-apply = Apply { $name }
effects-thumbnail = { $name } as the preview and the draft draw it
effects-exact-tip = Drawn in the preview, vodcut still and the draft as the name defines it
effects-approximate-tip = Drawn in the preview, vodcut still and the draft as an approximation: the service's exact look is not published
effects-placeholder-tip = Not drawn locally: the draft shows a labelled placeholder where it acts (yellow outline)
