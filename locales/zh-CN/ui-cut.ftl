## 像剪辑师一样剪辑：编辑模式、修剪、间隙、三点编辑

## 编辑无法完成的原因
timeline-refused-too-short = 片段将短于十分之一秒
