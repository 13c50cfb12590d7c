/**
 * The demo's sample texts, written for this project: everyday public-opinion topics of one province
 * (江苏省) in negative, neutral and positive voices, and the growing stories that turn into events and
 * alerts. `{slot}` markers are filled by the generator; places are real so region analysis finds them,
 * estates, schools and companies are made up.
 */

/** A city of the demo province with some of its counties and districts. */
export interface DemoPlace {
  city: string;
  counties: readonly string[];
}

/** Where the demo's posts happen. */
export const DEMO_PLACES: readonly DemoPlace[] = [
  { city: '苏州市', counties: ['姑苏区', '吴中区', '相城区', '昆山市'] },
  { city: '南京市', counties: ['玄武区', '鼓楼区', '江宁区'] },
  { city: '无锡市', counties: ['梁溪区', '滨湖区', '江阴市'] },
  { city: '常州市', counties: ['天宁区', '武进区'] },
];

/** Values of the named slots other than places and numbers. */
export const DEMO_SLOTS: Readonly<Record<string, readonly string[]>> = {
  estate: ['锦绣花园', '翠湖苑', '阳光新城', '金色家园', '枫桥人家', '和园', '滨江壹号'],
  school: ['第一实验小学', '第三中学', '育才中学', '外国语学校', '新区实验初中'],
  road: ['人民路', '解放路', '中山北路', '长江路', '工业园大道', '太湖东路'],
  hospital: ['市第一人民医院', '市中医院', '市儿童医院', '区人民医院'],
  company: ['某建筑劳务公司', '某装饰工程公司', '某物流公司', '某电子厂'],
};

/** One text: a title (null for short posts) and a body. */
export interface DemoText {
  title: string | null;
  content: string;
}

/** A topic with texts in three voices. */
export interface DemoTopic {
  key: string;
  name: string;
  /** Share of negative, neutral and positive posts (sums to 1). */
  mix: readonly [number, number, number];
  negative: readonly DemoText[];
  neutral: readonly DemoText[];
  positive: readonly DemoText[];
}

/** The everyday topics. */
export const DEMO_TOPICS: readonly DemoTopic[] = [
  {
    key: 'property',
    name: '物业纠纷',
    mix: [0.55, 0.3, 0.15],
    negative: [
      {
        title: '{county}{estate}小区物业乱收费，业主投诉无门',
        content:
          '{city}{county}{estate}小区物业今年又多收了{n}项费用，停车费翻倍，业主多次反映都没有下文，物业态度很差，希望主管部门管一管。',
      },
      {
        title: '{estate}电梯又坏了，物业一拖再拖',
        content:
          '{county}{estate}小区{n}号楼电梯这个月坏了三次，老人只能爬楼，物业说要等维修基金，一拖就是{m}天，太让人失望了。',
      },
    ],
    neutral: [
      {
        title: '{county}住建局召开物业服务质量座谈会',
        content:
          '{city}{county}住建局近日召开物业服务质量座谈会，{n}家物业企业参加，会议通报了近期业主投诉集中的问题并提出整改要求。',
      },
    ],
    positive: [
      {
        title: '{estate}物业主动上门维修，居民点赞',
        content:
          '{county}{estate}小区物业这次效率很高，报修后两个小时就上门把漏水修好了，还帮独居老人检查了燃气，点赞！',
      },
    ],
  },
  {
    key: 'canteen',
    name: '学校食堂',
    mix: [0.45, 0.35, 0.2],
    negative: [
      {
        title: '{county}{school}食堂饭菜分量少价格高，家长不满',
        content:
          '{city}{county}{school}食堂一份午餐{n}元，孩子说经常吃不饱，菜也是凉的，家长群里意见很大，希望学校公开食堂账目。',
      },
    ],
    neutral: [
      {
        title: '{county}教育局开展校园食品安全专项检查',
        content:
          '{city}{county}教育局联合市场监管部门对辖区{n}所中小学食堂开展食品安全专项检查，重点检查食材采购台账和留样制度。',
      },
    ],
    positive: [
      {
        title: '{school}食堂推出营养套餐，学生家长都满意',
        content:
          '{county}{school}食堂这学期请营养师搭配菜谱，每天{n}种菜品可选，家长开放日试吃后都说味道不错，孩子也爱吃。',
      },
    ],
  },
  {
    key: 'waterlogging',
    name: '道路积水',
    mix: [0.5, 0.4, 0.1],
    negative: [
      {
        title: '一下雨{road}就积水，车辆熄火行人难行',
        content:
          '{city}{county}{road}下穿隧道一下雨就积水，今天水深到了小腿，{n}辆车熄火在里面，这个问题反映好几年了，什么时候才能解决？',
      },
    ],
    neutral: [
      {
        title: '{county}启动排水防涝应急响应',
        content:
          '受强降雨影响，{city}{county}城管部门启动排水防涝应急响应，出动{n}台抽排设备，对{road}等易涝点进行巡查。',
      },
    ],
    positive: [
      {
        title: '{road}改造后暴雨不再积水',
        content: '{county}{road}去年完成管网改造，今天这么大的雨路面没有积水，出行顺畅多了，为城建部门点赞。',
      },
    ],
  },
  {
    key: 'hospital',
    name: '医院排队',
    mix: [0.5, 0.3, 0.2],
    negative: [
      {
        title: '{hospital}挂号排队{n}小时，看病太难了',
        content:
          '带孩子去{city}{hospital}看病，挂号排了{n}个小时，缴费又排半小时，自助机一半是坏的，希望医院增加窗口。',
      },
    ],
    neutral: [
      {
        title: '{hospital}推行分时段预约诊疗',
        content:
          '{city}{hospital}自下月起推行分时段预约诊疗，患者可通过公众号预约具体就诊时段，医院预计候诊时间将缩短{n}分钟。',
      },
    ],
    positive: [
      {
        title: '{hospital}志愿者引导就医，服务很贴心',
        content: '今天在{city}{hospital}，志愿者全程帮老人挂号取药，不到{n}分钟就看完了，服务很贴心，感谢！',
      },
    ],
  },
  {
    key: 'wages',
    name: '欠薪',
    mix: [0.7, 0.25, 0.05],
    negative: [
      {
        title: '{county}{company}拖欠{n}名工人工资',
        content:
          '我们在{city}{county}{company}干了大半年，老板拖欠{n}名工人工资共{m}万元，讨薪多次无果，请劳动监察部门帮帮我们。',
      },
    ],
    neutral: [
      {
        title: '{county}开展根治欠薪冬季专项行动',
        content: '{city}{county}人社局启动根治欠薪冬季专项行动，公布举报投诉电话，已为{n}名劳动者追回工资。',
      },
    ],
    positive: [
      {
        title: '劳动监察介入，{n}名工人拿到欠薪',
        content:
          '{county}劳动监察大队介入后，{company}已将拖欠的工资全部发放，{n}名工人拿到工资回家过年，谢谢政府。',
      },
    ],
  },
  {
    key: 'fraud',
    name: '诈骗',
    mix: [0.45, 0.5, 0.05],
    negative: [
      {
        title: '冒充客服退款，{city}一市民被骗{m}万元',
        content:
          '{city}{county}一市民接到自称快递客服的电话，说包裹丢失要理赔，按对方要求操作后被骗{m}万元，骗子太猖狂了，大家千万小心。',
      },
    ],
    neutral: [
      {
        title: '{county}公安发布反诈提示',
        content:
          '{city}{county}公安分局提醒：凡是要求下载陌生软件、开启屏幕共享、转账到安全账户的都是诈骗，近期已接报类似警情{n}起。',
      },
    ],
    positive: [
      {
        title: '民警及时劝阻，{county}老人保住养老钱',
        content:
          '{city}{county}民警接到预警后{n}分钟赶到老人家中，成功劝阻一起冒充公检法诈骗，保住了老人{m}万元养老钱。',
      },
    ],
  },
  {
    key: 'rainstorm',
    name: '暴雨预警',
    mix: [0.2, 0.7, 0.1],
    negative: [
      {
        title: '暴雨预警发了，{road}地铁口却没人疏导',
        content:
          '{city}发布暴雨预警，{road}地铁口积水严重，下班高峰{n}多人挤在出口，没有工作人员疏导，太危险了。',
      },
    ],
    neutral: [
      {
        title: '{city}气象台发布暴雨黄色预警',
        content:
          '{city}气象台发布暴雨黄色预警信号：预计未来{n}小时内{county}等地将出现50毫米以上降水，请注意防范城乡积涝。',
      },
    ],
    positive: [
      {
        title: '暴雨中的{county}，志愿者守在积水路口',
        content: '昨晚暴雨，{county}{n}名志愿者守在{road}积水路口指挥交通，护送学生过马路，这座城市很温暖。',
      },
    ],
  },
];

/** A story that grows within a few hours: a first post, copies, reposts with comments and an official reply. */
export interface DemoStory {
  key: string;
  first: DemoText;
  /** Short headlines of copies (the first post's text follows). */
  copyHeadlines: readonly string[];
  /** What reposters add before `//@`. */
  comments: readonly string[];
  /** The official answer that ends the story. */
  reply: DemoText;
}

/** The growing stories, one per demo day in turn. */
export const DEMO_STORIES: readonly DemoStory[] = [
  {
    key: 'water-cut',
    first: {
      title: '{county}{estate}小区物业擅自涨价，全小区停水三天',
      content:
        '我们是{city}{county}{estate}小区业主，物业公司未经业主大会同意把物业费从每平米1.5元涨到2.8元，业主不同意就停水，已经三天了，老人孩子都没水用，打12345也没人管，希望有关部门尽快处理！',
    },
    copyHeadlines: ['【{estate}小区停水三天】', '#{estate}小区停水#', '扩散！{county}{estate}停水'],
    comments: [
      '太过分了',
      '物业这是违法的吧',
      '求扩散',
      '同小区，确实停水了',
      '有关部门管管吧',
      '停水三天谁受得了',
    ],
    reply: {
      title: '{county}住建局回应{estate}小区停水：已责令物业恢复供水',
      content:
        '{city}{county}住建局通报：针对网民反映{estate}小区停水问题，已责令物业公司立即恢复供水，并对其擅自调价行为立案调查，处理结果将及时公布。',
    },
  },
  {
    key: 'canteen-bug',
    first: {
      title: '{county}{school}食堂饭菜吃出虫子，家长质疑校园食品安全',
      content:
        '{city}{county}{school}今天中午食堂的饭菜里吃出了虫子，好几个孩子下午肚子疼，学校到现在也没有说法，家长们非常担心校园食品安全，请教育局彻查！',
    },
    copyHeadlines: ['【{school}食堂吃出虫子】', '#{school}食堂#', '家长求助：{county}{school}食堂'],
    comments: [
      '孩子的安全不能儿戏',
      '必须彻查',
      '心疼孩子',
      '我家孩子也在这个学校',
      '食堂承包商是谁',
      '学校赶紧回应',
    ],
    reply: {
      title: '{county}教育局通报{school}食堂问题调查情况',
      content:
        '{city}{county}教育局通报：已会同市场监管部门对{school}食堂进行检查，暂停涉事供餐企业供货，身体不适的学生均已就医，目前情况稳定。',
    },
  },
  {
    key: 'unpaid-wages',
    first: {
      title: '{county}工地拖欠农民工工资近半年，工人讨薪无门',
      content:
        '{city}{county}{company}承建的工地拖欠我们{n}名农民工工资近半年，一共{m}万元，包工头电话打不通，我们去讨薪还被保安赶出来，求求政府帮帮我们！',
    },
    copyHeadlines: ['【{county}农民工讨薪无门】', '#{county}工地欠薪#', '扩散：{company}拖欠工资'],
    comments: [
      '农民工太不容易了',
      '欠薪可耻',
      '劳动监察在哪里',
      '求扩散帮帮他们',
      '年底了还不发工资',
      '支持依法讨薪',
    ],
    reply: {
      title: '{county}人社局回应工地欠薪：已督促企业限期支付',
      content:
        '{city}{county}人社局回应：劳动监察大队已约谈{company}负责人，督促企业在五个工作日内足额支付拖欠工资，并将依法处理相关责任人。',
    },
  },
];
