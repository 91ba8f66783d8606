# Effects: the families of the catalogue, the Effects panel and how the preview shows them.

family-transition = transition
family-filter = filter
family-vfx = visual effect
family-motion-in = entrance motion
family-motion-out = exit motion
family-motion-loop = loop motion
family-word-art = word art
family-font = font
