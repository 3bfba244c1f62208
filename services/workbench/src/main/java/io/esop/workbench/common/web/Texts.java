package io.esop.workbench.common.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the sales-path pages (opportunities, applications, approvals, orders, agreements, the role panels of
 * "Today"); Simplified Chinese here (the default locale), English in messages/t_en.properties. In templates:
 * {t:key}.
 */
@MessageBundle(value = "t", locale = "zh-CN")
public interface Texts {

    @Message("操作")
    String actions();

    @Message("协议")
    String agreement();

    @Message("查看协议 PDF")
    String agreement_pdf();

    @Message("待签署协议")
    String agreements_to_sign();

    @Message("SLA 预警")
    String alerts();

    @Message("申请单")
    String application();

    @Message("申请单")
    String applications_title();

    @Message("待补全的申请单")
    String applications_to_complete();

    @Message("待我处理的申请单")
    String applications_waiting();

    @Message("审批类型")
    String approval_kind();

    @Message("审批进度")
    String approvals();

    @Message("待我审批")
    String approvals_title();

    @Message("批准")
    String approve();

    @Message("分配原因")
    String assignment();

    @Message("授予")
    String award_to();

    @Message("后台填写")
    String back_office_only();

    @Message("提交竞标")
    String bid();

    @Message("计划首次联系日期")
    String bid_first_contact();

    @Message("跟进方案")
    String bid_plan();

    @Message("竞标")
    String bids();

    @Message("待授予的竞标")
    String bids_to_award();

    @Message("起租日期")
    String billing_start();

    @Message("在客户现场几步记下商机：选客户、产品、意向，提交。")
    String capture_hint();

    @Message("商机线索 {signalId} 已提交，正在处理……")
    String capture_processing(String signalId);

    @Message("提交商机")
    String capture_submit();

    @Message("现场录入商机")
    String capture_title();

    @Message("选择")
    String choose();

    @Message("截止")
    String closes();

    @Message("协同")
    String collaboration();

    @Message("审批意见")
    String comment();

    @Message("转为申请单")
    String convert();

    @Message("已转为申请单")
    String converted();

    @Message("创建申请单")
    String create_application();

    @Message("客户")
    String customer();

    @Message("去审批")
    String decide();

    @Message("已处理审批 {id}")
    String decided(String id);

    @Message("情况说明")
    String detail();

    @Message("折扣")
    String discount();

    @Message("折扣 (%)")
    String discount_percent();

    @Message("申请单草稿生成中……")
    String draft_coming();

    @Message("已升级的预警")
    String escalated_alerts();

    @Message("概况")
    String facts();

    @Message("团队商机漏斗（按来源）")
    String funnel();

    @Message("意向")
    String intent();

    @Message("邀请协同")
    String invite();

    @Message("产品明细")
    String items();

    @Message("目录价（元/月）")
    String list_price();

    @Message("丢单原因")
    String lost_reason();

    @Message("标记丢单")
    String mark_lost();

    @Message("开通进度")
    String milestones();

    @Message("月")
    String month();

    @Message("月价值（元）")
    String monthly_value();

    @Message("推进到")
    String move_to();

    @Message("申请单")
    String nav_applications();

    @Message("审批")
    String nav_approvals();

    @Message("商机")
    String nav_opportunities();

    @Message("订单")
    String nav_orders();

    @Message("新建申请单")
    String new_application();

    @Message("新客户（潜在）")
    String new_prospect();

    @Message("暂无待签署的协议")
    String no_agreements();

    @Message("暂无预警")
    String no_alerts();

    @Message("无需审批或尚未提交")
    String no_approvals();

    @Message("等待开通系统回报进度")
    String no_milestones();

    @Message("暂无订单")
    String no_orders();

    @Message("暂无待审批事项")
    String no_pending();

    @Message("暂无")
    String nothing_now();

    @Message("打开申请单")
    String open_application();

    @Message("可参与的竞标")
    String open_bids();

    @Message("查看订单")
    String open_order();

    @Message("商机")
    String opportunities_title();

    @Message("商机视图")
    String opportunities_views();

    @Message("商机")
    String opportunity();

    @Message("订单")
    String order();

    @Message("订单")
    String orders_title();

    @Message("订单服务暂不可用")
    String orders_unavailable();

    @Message("我们的订单")
    String our_orders();

    @Message("负责人")
    String owner();

    @Message("协同客户经理")
    String partner();

    @Message("协同方分成 (%)")
    String partner_share();

    @Message("产品")
    String product_line();

    @Message("产品模板")
    String product_template();

    @Message("企业名称")
    String prospect_name();

    @Message("联系电话")
    String prospect_phone();

    @Message("区划代码")
    String prospect_region();

    @Message("数量")
    String quantity();

    @Message("刷新")
    String refresh();

    @Message("未能完成：")
    String refused();

    @Message("驳回")
    String reject();

    @Message("已驳回：")
    String rejected_because();

    @Message("期望完成日期")
    String requested_date();

    @Message("资源预占审批")
    String resource_approvals();

    @Message("保存")
    String save();

    @Message("已保存")
    String saved();

    @Message("评分")
    String score();

    @Message("评分构成")
    String score_breakdown();

    @Message("签署协议")
    String sign();

    @Message("线索")
    String signals();

    @Message("协议 {no} 已签署，订单已创建")
    String signed(String no);

    @Message("SLA 达成率（按时钟类型）")
    String sla_compliance();

    @Message("已超时 {minutes} 分钟")
    String sla_late(long minutes);

    @Message("SLA 剩余 {minutes} 分钟")
    String sla_left(long minutes);

    @Message("来源")
    String source();

    @Message("状态")
    String state();

    @Message("提交审批")
    String submit_application();

    @Message("价值等级")
    String tier();

    @Message("时间线")
    String timeline();

    @Message("待联系的商机")
    String to_contact();

    @Message("服务暂不可用")
    String unavailable();

    @Message("可竞标")
    String view_bids();

    @Message("我的")
    String view_mine();

    @Message("团队")
    String view_team();

    @Message("等待审批中，页面会自动刷新")
    String waiting_approval();

    @Message("赢单")
    String won();
    @Message("产品模板")
    String templates_title();

    @Message("经理只填写面向客户的属性；标注“后台填写”的由后台补全。")
    String templates_hint();

    @Message("默认")
    String default_value();

    @Message("模板")
    String nav_templates();

    @Message("{owner} 邀请您协同跟进，您的分成 {share}%")
    String invited_you(String owner, int share);

    @Message("接受协同")
    String accept();

    @Message("婉拒")
    String decline();

}
