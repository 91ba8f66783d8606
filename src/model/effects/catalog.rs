//! The documented effects, as data: every SubType of shared/vod/effects.md with its Chinese
//! and English names (the documents' own, in both languages, so they are data rather than
//! catalog messages), its category and how sure the documents are of it.
//!
//! Rows are copied from effects.md exactly, misspellings included (`tokoyo`, `dissovle_in`):
//! the service matches SubTypes case-sensitively.

pub(super) use rows::{CATEGORIES, FILTERS, FONTS, MOTIONS_IN, MOTIONS_LOOP, MOTIONS_OUT, TRANSITIONS, VFX, WORD_ART};

// i18n-exempt: the documents' own names of each effect in both languages: data, not messages
mod rows {
    use crate::model::effects::{Category, Entry, Evidence, Family};

    use Evidence::{Documented as D, ImsOnly as I, Legacy2021 as L, ThirdParty as T, Unsure as U};

    macro_rules! rows {
        ($family:expr, $cat:expr, $($id:literal, $zh:literal, $en:literal, $ev:expr;)*) => {
            &[$(Entry { family: $family, category: $cat, id: $id, zh: $zh, en: $en, evidence: $ev }),*]
        };
    }

    pub(in crate::model::effects) const CATEGORIES: &[Category] = &[
        // 0: no category (transitions, motions, fonts)
        Category { zh: "", en: "" },
        // Filters (effects.md 3.3)
        Category { zh: "90s现代胶片", en: "90s modern film" },
        Category { zh: "胶片", en: "Film" },
        Category { zh: "红外", en: "Cool blues" },
        Category { zh: "泼辣·清新", en: "Fresh" },
        Category { zh: "日系", en: "Dreamy glow" },
        Category { zh: "Unsplash", en: "Unsplash" },
        Category { zh: "80s负片", en: "80s negative film" },
        Category { zh: "旅行", en: "Holiday" },
        Category { zh: "90s艺术胶片", en: "90s art film" },
        Category { zh: "自定义调色", en: "Custom colour" },
        // VFX (effects.md 4.3): 11..
        Category { zh: "基础", en: "Basics" },
        Category { zh: "氛围", en: "Atmosphere" },
        Category { zh: "动感", en: "Dynamic" },
        Category { zh: "光影", en: "Light" },
        Category { zh: "复古", en: "Retro" },
        Category { zh: "梦幻", en: "Dreamy" },
        Category { zh: "自然", en: "Nature" },
        Category { zh: "分屏", en: "Split screen" },
        Category { zh: "色彩", en: "Color" },
        Category { zh: "变形", en: "Deform" },
        // Word art (effects.md 5.3): 21..
        Category { zh: "花字1（推荐）", en: "Word art 1 (recommended)" },
        Category { zh: "花字2", en: "Word art 2" },
    ];

    const NONE: usize = 0;

    /// Transitions, effects.md 2.4: rows 1-55 from the VOD pages, 56-63 third-party; `random`
    /// (any transition) is an IMS statement only.
    pub(in crate::model::effects) const TRANSITIONS: &[Entry] = rows!(Family::Transition, NONE,
        "directional", "对角切换", "Diagonal wipe", D;
        "displacement", "旋涡", "Spin blur", D;
        "windowslice", "栅格", "Grid", D;
        "bowTieVertical", "垂直领结", "Vertical bow tie wipe", D;
        "bowTieHorizontal", "水平领结", "Horizontal bow tie wipe", D;
        "simplezoom", "放大消失", "Zoom in", D;
        "linearblur", "线性模糊", "Linear blur", D;
        "waterdrop", "水滴", "Waterdrop", D;
        "glitchmemories", "故障", "Glitch", D;
        "polka", "波点", "Polka dot", D;
        "perlin", "蔓延", "Perlin noise", D;
        "directionalwarp", "扭曲旋转", "Warp", D;
        "bounce_up", "向上弹动", "Bounce up", D;
        "bounce_down", "向下弹动", "Bounce down", D;
        "wiperight", "向右擦除", "Wipe right", D;
        "wipeleft", "向左擦除", "Wipe left", D;
        "wipedown", "向下擦除", "Wipe down", D;
        "wipeup", "向上擦除", "Wipe up", D;
        "morph", "雪花消除", "Morph", D;
        "colordistance", "色彩溶解", "Color dissolve", D;
        "circlecrop", "圆形遮罩", "Circle crop", D;
        "swirl", "中心旋转", "Swirl", D;
        "dreamy", "轻微摇摆", "Sway", D;
        "gridflip", "多格翻转", "Grid flip", D;
        "zoomincircles", "圆形放大", "Circle zoom-in", D;
        "radial", "圆形扫描", "Circle wipe", D;
        "mosaic", "相册", "Album zoom", D;
        "undulatingburnout", "波形放大", "Wave zoom-in", D;
        "crosshatch", "线性溶解", "Linear dissolve", D;
        "crazyparametricfun", "太空波纹", "Ripple in space-time", D;
        "kaleidoscope", "万花筒", "Kaleidoscope", D;
        "windowblinds", "百叶窗", "Blinds", D;
        "hexagonalize", "蜂巢溶解", "Hexagon dissolve", D;
        "glitchdisplace", "故障交替", "Glitch dissolve", D;
        "dreamyzoom", "炫境", "", D;
        "doomscreentransition_up", "齿状上升", "", D;
        "doomscreentransition_down", "齿状下落", "", D;
        "ripple", "波纹", "", D;
        "pinwheel", "风车", "", D;
        "angular", "时钟旋转", "", D;
        "burn", "燃烧", "", D;
        "circle", "椭圆遮罩", "", D;
        "circleopen", "椭圆溶解", "", D;
        "colorphase", "色相溶解", "", D;
        "crosswarp", "隧道扭曲", "", D;
        "cube", "立方体", "", D;
        "directionalwipe", "渐变擦除", "", D;
        "doorway", "开幕", "", D;
        "fade", "渐隐", "", D;
        "fadecolor", "彩色渐隐", "", D;
        "fadegrayscale", "灰色渐隐", "", D;
        "flyeye", "回忆", "", D;
        "heart", "爱心遮罩", "", D;
        "luma", "对角开幕", "", D;
        "multiplyblend", "多层混合", "", D;
        "pixelize", "像素溶解", "", T;
        "polarfunction", "花瓣遮罩", "", T;
        "randomsquares", "随机方块", "", T;
        "rotatescalefade", "旋转", "", T;
        "squareswire", "方块替换", "", T;
        "squeeze", "向内推入", "", T;
        "swap", "切入", "", T;
        "wind", "线形擦除", "", T;
        "random", "随机", "Random", I;
    );

    pub(in crate::model::effects) const FILTERS: &[&[Entry]] = &[
        rows!(Family::Filter, 1,
            "m1", "复古", "Vintage", D;
            "m2", "灰调", "Grey", D;
            "m3", "青阶", "Cyan", D;
            "m4", "蓝调", "Blue", D;
            "m5", "暗红", "Maroon", D;
            "m6", "暗淡", "Dim", D;
            "m7", "灰橙", "Orange grey", D;
            "m8", "通透", "Clear", D;
        ),
        rows!(Family::Filter, 2,
            "pf1", "高调", "High contrast", D;
            "pf2", "富士", "Fuji", D;
            "pf3", "暖色", "Warm", D;
            "pf4", "柯达", "Kodak", D;
            "pf5", "复古", "Vintage", D;
            "pf6", "反转", "Invert", D;
            "pf7", "红外", "Cool blue", D;
            "pf8", "宝丽来", "Polaroid", D;
            "pf9", "禄来", "Rolleiflex", D;
            "pfa", "工业", "Industrial", D;
            "pfb", "灰阶", "Grayscale", D;
            "pfc", "白阶", "Color gamut in white", D;
        ),
        rows!(Family::Filter, 3,
            "pi1", "清透", "Clear", D;
            "pi2", "暮晚", "Twilight", D;
            "pi3", "秋色", "Autumn", D;
            "pi4", "暗调", "Dim", D;
        ),
        rows!(Family::Filter, 4,
            "pl1", "影调", "Movie", D;
            "pl2", "柔和", "Soft", D;
            "pl3", "春芽", "Spring", D;
            "pl4", "明媚", "Sunny", D;
        ),
        rows!(Family::Filter, 5,
            "pj1", "小森林", "Forest", D;
            "pj2", "童年", "Nostalgic", D;
            "pj3", "午后", "Sunny afternoon", D;
            "pj4", "花雾", "Warm mist", D;
        ),
        rows!(Family::Filter, 6,
            "delta", "白桃", "Sweet peach", D;
            "electric", "林间", "Woodland", D;
            "faded", "盐系", "Elegant", D;
            "slowlived", "蓝雾", "Blue mist", D;
            "tokoyo", "东京", "Tokyo", D;
            "urbex", "雨后", "Clean", D;
            "warm", "温暖", "Warm", D;
        ),
        rows!(Family::Filter, 7,
            "f1", "济州岛", "Jeju island", D;
            "f2", "雪山", "Snow mountain", D;
            "f3", "布达佩斯", "Budapest", D;
            "f4", "蓝霜", "Blue", D;
            "f5", "尤加利", "Delight", D;
            "f6", "老街", "Old street", D;
            "f7", "咖啡", "Coffee", D;
        ),
        rows!(Family::Filter, 8,
            "pv1", "质感", "Texture", D;
            "pv2", "天色", "Bright sky", D;
            "pv3", "清新", "Fresh", D;
            "pv4", "雾气", "Misty", D;
            "pv5", "高调", "", D;
            "pv6", "黑白", "", D;
        ),
        rows!(Family::Filter, 9,
            "a1", "柔和", "", D;
            "a2", "暗调", "", D;
            "a3", "青空", "", D;
            "a4", "蓝光", "", T;
            "a5", "艳丽", "", T;
            "a6", "哑光", "", T;
        ),
        rows!(Family::Filter, 10,
            "color", "自定义调色", "Custom colour grade", I;
        ),
    ];

    pub(in crate::model::effects) const VFX: &[&[Entry]] = &[
        rows!(Family::Vfx, 11,
            "open", "开幕", "Opening", D;
            "close", "闭幕", "Closing", D;
            "h_blur", "横向模糊", "Horizontal blur", D;
            "v_blur", "纵向模糊", "Vertical blur", D;
            "blur", "模糊", "Blur", D;
            "slightshake", "轻微抖动", "Slight shake", D;
            "zoominout", "镜头变焦", "Zoom in", D;
            "movie", "电影感", "Slim down", D;
            "zoomslight", "轻微放大", "Slight close-in", D;
            "zoom", "逐渐放大", "Gradual close-in", D;
            "withcircleopen", "聚光灯打开", "Circle open", D;
            "withcircleclose", "聚光灯关闭", "Circle close", D;
            "withcircleshake", "聚光灯抖动", "Spotlight shake", D;
            "withcircleflashlight", "手电筒", "Flashlight", D;
            "disappear", "滑动消失", "Wipe", D;
            "shock", "震惊", "Shock", D;
            "bluropen", "模糊开幕", "Blur open", D;
            "blurclose", "模糊闭幕", "Blur close", D;
            "photograph", "咔嚓", "Click", D;
            "black", "曝光降低", "Fade", D;
            "blurring", "渐变复古虚化", "Circle blur", D;
            "color_to_grey", "彩色渐变黑白", "Black and white fade in", D;
            "grey_to_color", "黑白渐变彩色", "Black and white fade out", D;
            "slightrectshow", "方形开幕", "Square open", D;
            "slightshow", "缓慢清晰开幕", "Slowly fade in", D;
            "wipecross", "交叉开幕", "Four box wipe", D;
            "whiteshow", "渐显开幕", "White open", D;
            "image_in_image", "画中画", "Image in image", D;
            "color_difference", "色差", "Color dissolve", D;
        ),
        rows!(Family::Vfx, 12,
            "colorfulradial", "彩虹射线", "Rainbow speed line", D;
            "colorfulstarry", "绚烂星空", "Starry sky", D;
            "flyfire", "萤火", "Firefly", D;
            "heartfireworks", "爱心烟花", "Heart-shaped fireworks", D;
            "meteorshower", "流星雨", "Meteor shower", D;
            "moons_and_stars", "星月童话", "Stars and moon", D;
            "sparklestarfield", "星星冲屏", "Star spike", D;
            "spotfall", "光斑飘落", "Spot fall", D;
            "starexplosion", "星光绽放", "Star bomb", D;
            "starry", "繁星点点", "Starlight", U;
        ),
        rows!(Family::Vfx, 13,
            "white", "闪白", "", L;
            "minus_glitter", "负片闪烁", "", L;
            "jitter", "抖动", "", L;
            "soulout", "灵魂出窍", "", L;
            "scanlight", "扫描条纹", "", L;
            "swing", "摇摆", "", L;
            "heartbeat", "心跳", "", L;
            "flashingscreen", "闪屏", "", L;
            "illusion", "幻觉", "", L;
            "segmentation", "视频分割", "", L;
            "neolighting", "霓虹灯", "", L;
            "curl", "卷动", "", L;
            "shine", "闪动", "", L;
            "smalljitter", "毛刺", "", L;
            "flashinglight", "闪光灯", "", L;
            "windowblur", "窗口过滤", "", L;
            "windowblur2", "窗格", "", L;
            "kaleidoscope", "万花筒", "", L;
        ),
        rows!(Family::Vfx, 14,
            "moon_projection", "月亮投影", "", L;
            "star_projection", "星星投影", "", L;
            "heart_projection", "爱心投影", "", L;
            "sunset_projection", "夕阳投影", "", L;
            "carwindow_projection", "车窗投影", "", L;
            "shinningstar_light", "闪烁的十字星", "", L;
            "anglelight", "天使光", "", L;
            "darknight_rainbow", "暗夜彩虹", "", L;
            "fallingcircle", "若隐若现", "", L;
            "lightcenter", "中心光", "", L;
            "lightsweep", "阳光经过", "", L;
            "moon", "月食", "", L;
            "rotationspotlight", "荧幕照耀", "", L;
        ),
        rows!(Family::Vfx, 15,
            "blackwhitetv", "电视噪声", "", L;
            "edgescan", "边界扫描", "", L;
            "oldtv", "雪花故障", "", L;
            "oldtvshine", "老电视闪烁", "", L;
            "nightvision", "夜视仪", "", L;
            "tvshow", "TV show", "TV show", L;
        ),
        rows!(Family::Vfx, 16,
            "colorfulsun", "彩色太阳", "", L;
            "bigsun", "大太阳", "", L;
            "fallingheart", "心雨", "", L;
            "colorfulfireworks", "彩色烟花", "", L;
            "heartshot", "蹦爱心", "", L;
            "starfieldshinee", "星星闪烁", "", L;
            "starfieldshinee2", "星星疯狂闪烁", "", L;
            "fireworks", "烟花爆炸", "", L;
            "heartsurround", "爱心环绕", "", L;
            "risingheartbubble", "爱心泡泡", "", L;
            "starfield", "星河发射", "", L;
            "colorfulripples", "彩色涟漪", "", L;
            "colorfulbubbles", "彩色泡泡", "", L;
            "heartbubbleshinee", "爱心闪烁", "", L;
            "starsparkle", "星星花火", "", L;
            "starlatex", "六芒星", "", L;
        ),
        rows!(Family::Vfx, 17,
            "rainy", "绵绵细雨", "", L;
            "waterripple", "水波荡漾", "", L;
            "snow", "下雪", "", L;
            "foggy", "起雾", "", L;
            "meteor", "下雨了", "", L;
            "stormlaser", "闪电", "", L;
            "simpleripple", "水中浸泡", "", L;
            "fadeshadow", "黑色烟雾", "", L;
        ),
        rows!(Family::Vfx, 18,
            "marquee", "跑马灯", "", L;
            "livesplit", "动态分屏", "", L;
            "splitstill2", "二分屏", "", L;
            "splitstill3", "三分屏", "", L;
            "splitstill4", "四分屏", "", L;
            "splitstill9", "九分屏", "", L;
            "splitstill6", "六分屏", "", L;
            "blackwhitesplit", "黑白三格", "", L;
            "blurthreesplit", "模糊分屏", "", L;
        ),
        rows!(Family::Vfx, 19,
            "colorful", "炫彩", "", L;
            "blackshade", "颜色吞噬", "", U;
            "rainbowfilter", "彩虹过滤色", "", L;
            "movingrainbow", "移动彩虹色", "", L;
            "discolights", "disco", "Disco", L;
        ),
        rows!(Family::Vfx, 20,
            "fisheye", "鱼眼", "", L;
            "mosaic_rect", "马赛克", "", L;
            "glass", "毛玻璃", "", L;
            "planet", "全景图", "", L;
        ),
    ];

    /// Entrance motions (`AaiMotionInEffect`), effects.md 5.2. The last row of the page ("日出")
    /// was cut off before its SubType and is not listed.
    pub(in crate::model::effects) const MOTIONS_IN: &[Entry] = rows!(Family::MotionIn, NONE,
        "blur_in", "模糊入场", "Blur in", D;
        "wave_in", "波浪弹入", "Bounce in", D;
        "scroll_right_in", "羽化向右擦开", "Scroll right", D;
        "scroll_left_in", "羽化向左擦开", "Scroll left", D;
        "heartjump_in", "心形弹跳", "Heart bounce", D;
        "musicjump_in", "音符弹跳", "Note bounce", D;
        "rotateup_in", "螺旋上升", "Spiral up", D;
        "close_in", "收拢", "Close in", D;
        "slingshot_in", "弹弓", "Slingshot", D;
        "rotateflip_in", "空翻", "Flip", D;
        "elasticzoom_in", "弹性伸缩", "Stretch", D;
        "zoom_in", "弹入", "Zoom in", D;
        "spring_in", "弹簧", "Spring", D;
        "fade_in", "渐显", "Fade in", D;
        "growth_in", "生长", "Enlarge", D;
        "open_in", "开幕", "Opening", D;
        "dissovle_in", "溶解", "Dissolve", D;
        "zoomslightout_in", "轻微放大", "Slight close-in", D;
        "zoomin_in", "缩小", "Zoom out", D;
        "zoomout_in", "放大", "Zoom in", D;
        "angular_in", "圆形扫描", "Circle wipe", D;
        "rotate1_in", "旋入", "Rotate", D;
        "rotate2_in", "旋转飞入", "Separate spin", D;
        "brokentypewriter_in", "故障打印机", "Faulty printer", D;
        "typewriter1_in", "打字机I", "Typewriter 1", D;
        "typewriter2_in", "打字机II", "Typewriter 2", D;
        "typewriter3_in", "打字机III", "Typewriter 3", D;
        "slide_left_in", "向左滑动", "Slide left", D;
        "slide_right_in", "向右滑动", "Slide right", D;
        "slide_down_in", "向下滑动", "Slide down", D;
        "slide_up_in", "向上滑动", "Slide up", D;
    );

    /// Exit motions (`AaiMotionOutEffect`): no official list was readable; names seen in
    /// third-party IMS configurations only.
    pub(in crate::model::effects) const MOTIONS_OUT: &[Entry] = rows!(Family::MotionOut, NONE,
        "fade_out", "", "", T;
        "slide_down_out", "", "", T;
        "close_out", "", "", T;
        "scroll_right_out", "", "", T;
        "slingshot_out", "", "", T;
        "dissolve_out", "", "", T;
    );

    /// Loop motions (`AaiMotionLoopEffect`): third-party names only.
    pub(in crate::model::effects) const MOTIONS_LOOP: &[Entry] = rows!(Family::MotionLoop, NONE,
        "normal_display", "", "", T;
        "heartbeat_display", "", "", T;
        "rainbrush_display", "", "", T;
    );

    /// Word art (`EffectColorStyle`), effects.md 5.3: the ids the VOD pages show; CS0002-000007
    /// and -000008 only on the IMS page.
    pub(in crate::model::effects) const WORD_ART: &[&[Entry]] = &[
        rows!(Family::WordArt, 21,
            "CS0001-000001", "", "", D; "CS0001-000002", "", "", D; "CS0001-000003", "", "", D;
            "CS0001-000004", "", "", D; "CS0001-000005", "", "", D; "CS0001-000006", "", "", D;
            "CS0001-000007", "", "", D; "CS0001-000008", "", "", D; "CS0001-000009", "", "", D;
            "CS0001-000010", "", "", D; "CS0001-000011", "", "", D; "CS0001-000012", "", "", D;
            "CS0001-000013", "", "", D; "CS0001-000014", "", "", D; "CS0001-000015", "", "", D;
            "CS0001-000016", "", "", D;
        ),
        rows!(Family::WordArt, 22,
            "CS0002-000001", "", "", D; "CS0002-000002", "", "", D; "CS0002-000003", "", "", D;
            "CS0002-000004", "", "", D; "CS0002-000005", "", "", D; "CS0002-000006", "", "", D;
            "CS0002-000007", "", "", I; "CS0002-000008", "", "", I;
        ),
    ];

    /// Fonts (`Font`), effects.md 5.5: the 16 current values, then the legacy text guide's four
    /// that the current list no longer has.
    pub(in crate::model::effects) const FONTS: &[Entry] = rows!(Family::Font, NONE,
        "AlibabaPuHuiTi", "阿里巴巴普惠体", "Alibaba PuHuiTi", D;
        "FZFangSong-Z02S", "方正仿宋简体", "FangZheng FangSong Simplified", D;
        "FZHei-B01S", "方正黑体简体", "FangZheng HeiTi Simplified", D;
        "FZKai-Z03S", "方正楷体简体", "FangZheng KaiTi Simplified", D;
        "FZShuSong-Z01S", "方正书宋简体", "FangZheng ShuSong Simplified", D;
        "KaiTi", "楷体", "KaiTi", D;
        "Microsoft YaHei", "微软雅黑", "Microsoft YaHei", D;
        "Roboto", "Roboto（无中文）", "Google Roboto (no Chinese)", D;
        "Roboto Bold", "Roboto Bold（无中文）", "Google Roboto Bold (no Chinese)", D;
        "SimSun", "宋体", "SimSun (default)", D;
        "SiYuan Heiti", "思源黑体", "Source Han Sans", D;
        "SiYuan SimSun", "思源宋体", "Source Han Serif", D;
        "WenQuanYi MicroHei", "文泉驿微米黑", "WenQuanYi Micro Hei", D;
        "WenQuanYi Zen Hei Mono", "文泉驿等宽正黑", "WenQuanYi Zen Hei Mono", D;
        "WenQuanYi Zen Hei Sharp", "文泉驿点阵正黑", "WenQuanYi Zen Hei Sharp", D;
        "Yuanti SC", "圆体-简常规体", "Yuanti SC Regular", D;
        "WenQuanYi Zen Hei", "文泉驿正黑（旧）", "WenQuanYi Zen Hei (legacy)", U;
        "Yuanti SC Bold", "圆体-简粗体（旧）", "Yuanti SC Bold (legacy)", U;
        "Yuanti SC Light", "圆体-简细体（旧）", "Yuanti SC Light (legacy)", U;
        "Yuanti SC Regular", "圆体-简常规体（旧）", "Yuanti SC Regular (legacy)", U;
    );
}
