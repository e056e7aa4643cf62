// One case (cuộc kiểm tra, giám sát): header with its number, kind, subject, status, deciding body and
// time limit; the next-step actions with the reason when one is not allowed; the steps timeline with
// files; the team; the conclusion; generated documents and remediation (their own components).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { BODY_TYPE_LABELS, type CaseKind, isInspection, type StepCode, stepLabel } from '../../../common/cases.ts';
import { CLEARANCE_LABELS, type Clearance } from '../../../common/roles.ts';
import { type CaseDetail, casesApi } from '../api/cases.ts';
import { errorMessage } from '../api/client.ts';
import { documentsKey } from '../api/documents.ts';
import { AdvanceModal, DecisionModal, ExtendModal, StatusModal } from '../components/cases/CaseActionModals.tsx';
import { CaseSteps } from '../components/cases/CaseSteps.tsx';
import { CaseTeam } from '../components/cases/CaseTeam.tsx';
import { ConclusionModal } from '../components/cases/ConclusionModal.tsx';
import { CaseStatusTag, DueDate, kindLabel, useSoonThreshold } from '../components/cases/caseLabels.tsx';
import { CaseDocuments } from '../components/inspection/CaseDocuments.tsx';
import { CaseRemediation } from '../components/inspection/CaseRemediation.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDate } from '../i18n/format.ts';

type Open =
  | { form: 'decision' | 'extend' | 'conclusion' }
  | { form: 'advance'; to: StepCode }
  | { form: 'status'; action: 'suspend' | 'resume' | 'cancel' }
  | null;

function Action(props: {
  check: { allowed: boolean; reason: string | null };
  onClick: () => void;
  testId: string;
  children: string;
  primary?: boolean;
  danger?: boolean;
}) {
  return (
    <Tooltip title={props.check.allowed ? null : props.check.reason}>
      <Button
        type={props.primary ? 'primary' : 'default'}
        danger={props.danger}
        disabled={!props.check.allowed}
        onClick={props.onClick}
        data-testid={props.testId}
        // Step names are long: let them wrap inside the card instead of overflowing it.
        style={props.primary ? { whiteSpace: 'normal', height: 'auto', textAlign: 'left', maxWidth: '100%' } : undefined}
      >
        {props.children}
      </Button>
    </Tooltip>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const me = useSession();
  const canWrite = hasPermission(me, 'inspection.write');
  const canApprove = hasPermission(me, 'inspection.approve');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const { today, soon } = useSoonThreshold();
  const q = useQuery({ queryKey: ['cases', 'one', id], queryFn: () => casesApi.get(id) });
  const c = q.data;

  const saved = (next: CaseDetail, text?: string) => {
    setOpen(null);
    queryClient.setQueryData(['cases', 'one', id], next);
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['remediation'] });
    // Which documents can be generated follows the case (a conclusion opens the notice).
    void queryClient.invalidateQueries({ queryKey: documentsKey(id) });
    if (text) message.success(text);
  };
  const reload = () => void q.refetch();
  const navigate = useNavigate();
  const escalate = async () => {
    try {
      const next = await casesApi.escalate(id);
      message.success(`Đã lập cuộc kiểm tra ${next.code}.`);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      navigate(`/kiem-tra-giam-sat/cuoc/${next.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (q.error) return <QueryError error={q.error} testId="case-error" />;
  if (!c) return <Card loading />;
  const kind = c.kind as CaseKind;
  const live = c.status === 'open' || c.status === 'suspended';

  return (
    <>
      <PageHeader
        title={`Cuộc ${c.code}`}
        description={
          <Space wrap>
            <Typography.Text strong data-testid="case-code">
              {c.code}
            </Typography.Text>
            <span>
              {kindLabel(c.kind)} — {c.subjectName}
            </span>
          </Space>
        }
        extra={
          <Space>
            <CaseStatusTag status={c.status} />
            {c.secrecy > 0 && <Tag color="red">{CLEARANCE_LABELS[c.secrecy as Clearance]}</Tag>}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="Thông tin chung">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="Loại việc">{kindLabel(c.kind)}</Descriptions.Item>
              <Descriptions.Item label="Đối tượng">
                <span data-testid="case-subject">{c.subjectName}</span> ({c.subjectType === 'member' ? 'đảng viên' : 'tổ chức đảng'})
              </Descriptions.Item>
              <Descriptions.Item label="Nội dung">{c.topic}</Descriptions.Item>
              {c.grounds && <Descriptions.Item label="Căn cứ, dấu hiệu vi phạm">{c.grounds}</Descriptions.Item>}
              <Descriptions.Item label="Cơ quan ra quyết định">
                {BODY_TYPE_LABELS[c.bodyType]} — {c.bodyOrgName}
              </Descriptions.Item>
              <Descriptions.Item label="Quyết định">
                {c.decidedOn ? `${c.decisionNo ? `Số ${c.decisionNo}, ` : ''}ngày ${formatDate(c.decidedOn)}` : 'Chưa có'}
              </Descriptions.Item>
              <Descriptions.Item label="Thời hạn">
                {c.dueOn ? (
                  <Space wrap>
                    <span>
                      {c.limit.days} ngày{c.limit.extensionDays ? ` + gia hạn ${c.limit.extensionDays} ngày` : ''}, đến
                    </span>
                    <span data-testid="case-due">
                      <DueDate date={c.dueOn} live={c.status === 'open'} soon={soon} today={today} />
                    </span>
                    {c.limit.extensionReason && (
                      <Typography.Text type="secondary">(lý do gia hạn: {c.limit.extensionReason})</Typography.Text>
                    )}
                  </Space>
                ) : (
                  'Tính từ ngày quyết định'
                )}
              </Descriptions.Item>
              <Descriptions.Item label="Bước hiện tại">{stepLabel(kind, c.step)}</Descriptions.Item>
              {c.statusReason && <Descriptions.Item label="Lý do tạm dừng, hủy bỏ, tiếp tục">{c.statusReason}</Descriptions.Item>}
              {c.closedOn && <Descriptions.Item label="Kết thúc">{formatDate(c.closedOn)}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="Thao tác" data-testid="case-actions">
            {canWrite && live ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {c.nextSteps.map((n) => (
                  <Action
                    key={n.step}
                    primary
                    check={n}
                    onClick={() => setOpen({ form: 'advance', to: n.step })}
                    testId={`case-advance-${n.step}`}
                  >
                    {`Chuyển sang: ${n.label}`}
                  </Action>
                ))}
                <Space wrap>
                  {c.step === 'decision' && (
                    <Action check={c.actions.decision} onClick={() => setOpen({ form: 'decision' })} testId="case-decision">
                      Ghi nhận quyết định
                    </Action>
                  )}
                  {c.step === 'conclusion' && canApprove && (
                    <Action check={c.actions.conclusion} onClick={() => setOpen({ form: 'conclusion' })} testId="case-conclusion">
                      Ghi nhận kết luận
                    </Action>
                  )}
                  <Action check={c.actions.extend} onClick={() => setOpen({ form: 'extend' })} testId="case-extend">
                    Gia hạn
                  </Action>
                  {c.status === 'suspended' ? (
                    <Action check={c.actions.resume} onClick={() => setOpen({ form: 'status', action: 'resume' })} testId="case-resume">
                      Tiếp tục
                    </Action>
                  ) : (
                    <Action check={c.actions.suspend} onClick={() => setOpen({ form: 'status', action: 'suspend' })} testId="case-suspend">
                      Tạm dừng
                    </Action>
                  )}
                  <Action
                    check={c.actions.cancel}
                    danger
                    onClick={() => setOpen({ form: 'status', action: 'cancel' })}
                    testId="case-cancel"
                  >
                    Hủy bỏ
                  </Action>
                </Space>
              </Space>
            ) : (
              <Typography.Text type="secondary">{live ? 'Bạn chỉ có quyền xem.' : 'Cuộc đã kết thúc hoặc bị hủy bỏ.'}</Typography.Text>
            )}
          </Card>
          {c.conclusion && (
            <Card title="Kết luận" style={{ marginTop: 16 }} data-testid="case-conclusion-view">
              <p>
                Ngày {formatDate(c.conclusion.concludedOn)}:{' '}
                <strong>
                  {isInspection(kind)
                    ? c.conclusion.violationFound
                      ? 'có vi phạm'
                      : 'không có vi phạm'
                    : c.conclusion.violationFound
                      ? 'phát hiện dấu hiệu vi phạm'
                      : 'không phát hiện dấu hiệu vi phạm'}
                </strong>
                {c.conclusion.proposeDiscipline ? '; đề nghị xem xét, thi hành kỷ luật' : ''}.
              </p>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.conclusion.findings}</Typography.Paragraph>
              {c.conclusion.disciplineNote && <Typography.Paragraph type="secondary">{c.conclusion.disciplineNote}</Typography.Paragraph>}
              {!isInspection(kind) && c.conclusion.violationFound && canWrite && (
                <Button onClick={escalate} data-testid="case-escalate">
                  Lập cuộc kiểm tra khi có dấu hiệu vi phạm
                </Button>
              )}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={14}>
          <CaseSteps c={c} canWrite={canWrite} onChanged={(next) => saved(next)} />
        </Col>
        <Col xs={24} xl={10}>
          <CaseTeam c={c} canWrite={canWrite} onChanged={(next) => saved(next)} onConflict={reload} />
        </Col>
        <Col xs={24}>
          <CaseDocuments caseId={c.id} />
        </Col>
        <Col xs={24}>
          <CaseRemediation caseId={c.id} />
        </Col>
      </Row>
      {open?.form === 'decision' && (
        <DecisionModal c={c} onClose={() => setOpen(null)} onConflict={reload} onSaved={(n) => saved(n, 'Đã ghi nhận quyết định.')} />
      )}
      {open?.form === 'advance' && (
        <AdvanceModal c={c} to={open.to} onClose={() => setOpen(null)} onConflict={reload} onSaved={(n) => saved(n, 'Đã chuyển bước.')} />
      )}
      {open?.form === 'extend' && (
        <ExtendModal c={c} onClose={() => setOpen(null)} onConflict={reload} onSaved={(n) => saved(n, 'Đã gia hạn.')} />
      )}
      {open?.form === 'status' && (
        <StatusModal
          c={c}
          action={open.action}
          onClose={() => setOpen(null)}
          onConflict={reload}
          onSaved={(n) => saved(n, 'Đã cập nhật trạng thái.')}
        />
      )}
      {open?.form === 'conclusion' && (
        <ConclusionModal c={c} onClose={() => setOpen(null)} onConflict={reload} onSaved={(n) => saved(n, 'Đã ghi nhận kết luận.')} />
      )}
    </>
  );
}
