package io.esop.workbench.common.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** UI texts; Simplified Chinese here (the default locale), English in messages/msg_en.properties. */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Msg {

    @Message("ESOP 政企工作台")
    String app_name();

    @Message("跳到主要内容")
    String skip_to_content();

    @Message("主导航")
    String nav_label();

    @Message("今日")
    String nav_today();

    @Message("客户")
    String nav_customers();

    @Message("政企网厅")
    String nav_portal();

    @Message("退出")
    String nav_logout();

    @Message("English")
    String switch_language();

    @Message("en")
    String switch_language_tag();

    @Message("今日工作")
    String today_title();

    @Message("您好，{name}")
    String hello(String name);

    @Message("客户经理")
    String role_customer_manager();

    @Message("政企部门经理")
    String role_sales_director();

    @Message("后台受理")
    String role_back_office();

    @Message("政企客户")
    String role_enterprise_customer();

    @Message("我的客户")
    String panel_my_customers();

    @Message("团队客户")
    String panel_team_customers();

    @Message("客户关怀提醒")
    String panel_care();

    @Message("{name} 欠费 ¥{amount}")
    String care_arrears(String name, Object amount);

    @Message("{name} 的联系人生日")
    String care_birthday(String name);

    @Message("暂无提醒")
    String care_none();

    @Message("实时动态")
    String panel_live();

    @Message("新的商机、订单进度和 SLA 预警会实时出现在这里，无需刷新。")
    String live_hint();

    @Message("实时连接中")
    String live_connected();

    @Message("正在重新连接…")
    String live_reconnecting();

    @Message("待办")
    String panel_todo();

    @Message("商机、申请单、审批和 SLA 待办将在对应服务接口发布后显示在这里。")
    String todo_pending();

    @Message("查看全部客户")
    String all_customers();

    @Message("客户服务暂不可用，请稍后再试。")
    String customer_service_unavailable();

    @Message("客户查询")
    String customers_title();

    @Message("客户名称")
    String search_name();

    @Message("地区编码")
    String search_region();

    @Message("行业")
    String search_industry();

    @Message("客户价值")
    String search_tier();

    @Message("全部")
    String any();

    @Message("查询")
    String search_submit();

    @Message("没有找到符合条件的客户。")
    String no_results();

    @Message("下一页")
    String next_page();

    @Message("查询结果")
    String results();

    @Message("客户经理：{manager}")
    String managed_by(String manager);

    @Message("客户 360° 视图")
    String customer_360();

    @Message("基本信息")
    String profile();

    @Message("统一社会信用代码")
    String credit_code();

    @Message("地区")
    String region();

    @Message("状态")
    String status();

    @Message("客户经理")
    String account_manager();

    @Message("团队")
    String team();

    @Message("联系人")
    String contacts();

    @Message("生日")
    String birthday();

    @Message("电话")
    String phone();

    @Message("在用业务")
    String holdings();

    @Message("开通于 {since}")
    String since(Object since);

    @Message("月收入")
    String monthly_revenue();

    @Message("信用")
    String credit();

    @Message("信用额度")
    String credit_limit();

    @Message("欠费")
    String arrears();

    @Message("可用额度")
    String available();

    @Message("集团成员")
    String members();

    @Message("共 {count} 名成员")
    String member_count(Object count);

    @Message("商机、订单和 SLA 预警")
    String related();

    @Message("商机、订单和预警将在对应服务接口发布后显示。")
    String related_pending();

    @Message("暂无")
    String none();

    @Message("政企网厅")
    String portal_title();

    @Message("业务咨询")
    String inquiry_title();

    @Message("告诉我们您的需求，客户经理会尽快联系您。")
    String inquiry_hint();

    @Message("业务类型")
    String inquiry_product();

    @Message("需求类型")
    String inquiry_intent();

    @Message("需求描述")
    String inquiry_detail();

    @Message("预计月费（元，可选）")
    String inquiry_value();

    @Message("提交咨询")
    String inquiry_submit();

    @Message("咨询已提交，编号 {id}。客户经理会尽快联系您。")
    String inquiry_sent(String id);

    @Message("请填写需求描述（最多 2000 字）。")
    String inquiry_detail_required();

    @Message("预计月费须为不小于 0 的金额。")
    String inquiry_value_invalid();

    @Message("专线")
    String product_DEDICATED_LINE();

    @Message("IDC 机房")
    String product_IDC();

    @Message("云服务")
    String product_CLOUD();

    @Message("物联网")
    String product_IOT();

    @Message("语音")
    String product_VOICE();

    @Message("短信")
    String product_SMS();

    @Message("SD-WAN")
    String product_SDWAN();

    @Message("新业务")
    String intent_NEW();

    @Message("扩容")
    String intent_EXPAND();

    @Message("续约")
    String intent_RENEW();

    @Message("保留")
    String intent_RETAIN();

    @Message("页面不存在")
    String not_found_title();

    @Message("您要找的内容不存在，或您无权查看。")
    String not_found_text();

    @Message("无权访问")
    String forbidden_title();

    @Message("此页面不属于您的角色。")
    String forbidden_text();

    @Message("服务暂不可用")
    String unavailable_title();

    @Message("依赖的服务暂时无法访问，请稍后再试。")
    String unavailable_text();

    @Message("返回首页")
    String back_home();

    @Message("新商机")
    String live_opportunity();

    @Message("订单进度")
    String live_order();

    @Message("SLA 预警")
    String live_sla();

    @Message("客户资料更新")
    String live_customer();
}
